// Names in capitals or short forms only (PASSWD, PWD, PASSPHRASE, TOKEN), and no other word the filter in front of
// Roslyn looks for: it reads names in any case, so this file is parsed and each literal is found.
namespace Shop.Legacy;

public static class LegacyConstants
{
    public const string SMTP_PASSWD = "Sm7p-Pa55-wd";  // Noncompliant RDY1201
    public const string DB_PWD = "Db-Pw-Q9x";  // Noncompliant RDY1201
    public const string GPG_PASSPHRASE = "Gpg-Ph-7xQ";  // Noncompliant RDY1201
    public const string PARTNER_TOKEN = "Prt-T0k-9Lm";  // Noncompliant RDY1201
    public const string ORDER_TABLE = "orders";
}
