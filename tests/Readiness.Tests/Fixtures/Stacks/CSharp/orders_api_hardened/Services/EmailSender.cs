using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Orders.Services;

public sealed class EmailSender(IOptions<MailSettings> options)
{
    private const string PasswordResetPath = "/account/reset";
    private const string SecretName = "orders/prod/smtp";

    public SmtpClient Create() => new("smtp.example.com")
    {
        Credentials = new NetworkCredential(options.Value.User, options.Value.Password),
    };
}

public sealed class MailSettings
{
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
}
