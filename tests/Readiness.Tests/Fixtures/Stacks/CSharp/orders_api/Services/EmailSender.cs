using System.Net;
using System.Net.Mail;

namespace Orders.Services;

public sealed class EmailSender
{
    private const string SmtpPassword = "Sm7p-P4ss-2024";  // Noncompliant RDY1201
    private const string PasswordResetPath = "/account/reset";
    private static readonly string ApiKeyHeaderName = "X-Api-Key";
    private readonly string connectionString = "Host=db;Username=orders;Password=s3cr3t-db;";

    public string StripeApiKey { get; init; } = "rk_live_51HxQ2eFakeKeyForFixture0001";  // Noncompliant RDY1201
    public string TokenEndpoint => "https://auth.example.com/oauth/token";
    public string ClientSecret { get; init; } = "";

    public SmtpClient Create(string user)
    {
        var password = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
        var apiToken = "DB_PASSWORD";
        return new SmtpClient("smtp.example.com")
        {
            Credentials = new NetworkCredential(user, "hunter2-but-longer"),  // Noncompliant RDY1201
        };
    }

    public NetworkCredential Admin() => new(userName: "admin", password: "Adm1n!Passw0rd");  // Noncompliant RDY1201

    public void Configure(MailSettings settings)
    {
        settings.Password = "placeholder-password";
        settings.Secret = "Mail:Secret";
        settings.AccessToken = "ghp_R3alLookingT0kenValue1234567890abcd";  // Noncompliant RDY1201
    }
}

public sealed class MailSettings
{
    public string Password { get; set; } = "";
    public string Secret { get; set; } = "";
    public string AccessToken { get; set; } = "";
}
