// Every syntactic form in which RDY1201 finds a hardcoded secret: the textual gate that decides whether Roslyn parses
// a file (CSharpFiles.MayAssignSecretLiteral) must accept each of them.
using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Shop.Settings;

public sealed class Secrets
{
    private const string DbPassword = "Wq8-zT4-pL2";  // Noncompliant RDY1201
    private const string API_KEY = "Up-Ca5e-K3y";  // Noncompliant RDY1201
    public string ApiKey { get; set; } = "k3y-Vq9-77aZ";  // Noncompliant RDY1201
    public string ServicePassword { get; set { field = value; } } = "Svc-Pa55-x1";  // Noncompliant RDY1201
    public string JwtSecret => "s3cr-Et9-Xy";  // Noncompliant RDY1201
    public byte[] HmacKey { get; } = Encoding.UTF8.GetBytes("h-Mac-K3y-9");  // Noncompliant RDY1201

    public void Configure(Options options, Mailer mailer)
    {
        options.ClientSecret = @"c1i-Ent-Se7";  // Noncompliant RDY1201
        options.Signing.SigningKey = Encoding.UTF8.GetBytes("s1gn-K3y-Q7");  // Noncompliant RDY1201
        mailer.Connect("smtp.shop.test", password: "Pa55-w0rd-Q");  // Noncompliant RDY1201
        string accessToken = """tok-R4w-L1t""";  // Noncompliant RDY1201
        string smtpPassword = /* from the vendor */ "Sm-tp-9Q";  // Noncompliant RDY1201
        string dbPassword = // rotated yearly
            "Db-Pa55-Q9";  // Noncompliant RDY1201
        string refreshToken =
            "r3fr-esh-T0k";  // Noncompliant RDY1201
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("sIgn-1ng-K3y-Value"));  // Noncompliant RDY1201
        var credential = new NetworkCredential("mailer", "N3t-Cr3d-Pw");  // Noncompliant RDY1201
        if (accessToken == "not-an-assignment") mailer.Reset();
        mailer.Use(smtpPassword, dbPassword, refreshToken, key, credential);
    }
}
