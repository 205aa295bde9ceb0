using System.CommandLine;
using System.Net;
using System.Net.Mail;
using Readiness.Runner.Notify;

namespace Readiness.Runner.Cli;

/// <summary>
/// `readiness notify email`: sends a drift or scan report by SMTP (System.Net.Mail). --starttls upgrades the connection
/// with STARTTLS, as Amazon SES's SMTP interface requires on port 587. A refused delivery exits 2 with the server's answer.
/// </summary>
public static class NotifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var report = new Option<string>("--report") { Description = "Folder holding drift.json (from 'readiness drift') or results.json (from 'readiness scan'), and the files to attach.", Required = true };
        var to = new Option<string[]>("--to") { Description = "Recipient; repeat for several.", Required = true };
        var from = new Option<string>("--from") { Description = "Sender address (for SES: a verified identity).", Required = true };
        var host = new Option<string>("--smtp-host") { Description = "SMTP server, e.g. email-smtp.eu-west-1.amazonaws.com.", Required = true };
        var port = new Option<int>("--smtp-port") { Description = "SMTP port (587 for STARTTLS submission).", DefaultValueFactory = _ => 25 };
        var user = new Option<string?>("--smtp-user") { Description = "SMTP user name (for SES: the SMTP credentials' user name)." };
        var passwordEnv = new Option<string?>("--smtp-password-env") { Description = "Name of the environment variable holding the SMTP password (never pass it on the command line)." };
        var starttls = new Option<bool>("--starttls") { Description = "Upgrade the connection with STARTTLS before authenticating (required by SES on 587)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the server.", DefaultValueFactory = _ => 100 };

        var email = new Command("email", "Send a drift or scan report as an HTML email with a plain-text alternative and the reports attached.")
        {
            report, to, from, host, port, user, passwordEnv, starttls, timeout,
        };
        email.SetAction(parse =>
        {
            NetworkCredential? credentials = null;
            if (parse.GetValue(user) is { } name)
            {
                if (parse.GetValue(passwordEnv) is not { } variable)
                {
                    stderr.WriteLine("readiness: --smtp-user needs --smtp-password-env NAME (the environment variable holding the password).");
                    return ReadinessCli.Failed;
                }
                if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } password)
                {
                    stderr.WriteLine($"readiness: the environment variable {variable} (--smtp-password-env) is not set.");
                    return ReadinessCli.Failed;
                }
                credentials = new NetworkCredential(name, password);
            }
            else if (parse.GetValue(passwordEnv) is not null)
            {
                stderr.WriteLine("readiness: --smtp-password-env needs --smtp-user.");
                return ReadinessCli.Failed;
            }

            var content = EmailReport.From(parse.GetValue(report)!);
            var message = content.ToMessage(parse.GetValue(from)!, parse.GetValue(to)!);

            var server = $"{parse.GetValue(host)}:{parse.GetValue(port)}";
            using (message)
            using (var client = new SmtpClient(parse.GetValue(host), parse.GetValue(port))
            {
                EnableSsl = parse.GetValue(starttls),
                Credentials = credentials,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = parse.GetValue(timeout) * 1000,
            })
            {
                try
                {
                    client.Send(message);
                }
                catch (SmtpFailedRecipientsException ex)
                {
                    foreach (var failed in ex.InnerExceptions)
                        stderr.WriteLine($"readiness: {server} refused {failed.FailedRecipient}: {(int)failed.StatusCode} {failed.Message}");
                    return ReadinessCli.Failed;
                }
                catch (SmtpException ex)
                {
                    var recipient = ex is SmtpFailedRecipientException one ? $" {one.FailedRecipient}" : "";
                    stderr.WriteLine($"readiness: {server} refused the message{recipient}: {(int)ex.StatusCode} {ex.Message}{(ex.InnerException is { } inner ? " (" + inner.Message + ")" : "")}");
                    return ReadinessCli.Failed;
                }
            }
            stdout.WriteLine($"Sent \"{content.Subject}\" to {string.Join(", ", parse.GetValue(to)!)} via {server} with {content.Attachments.Count} attachment{(content.Attachments.Count == 1 ? "" : "s")}.");
            return ReadinessCli.Ready;
        });
        return new Command("notify", "Send a report somewhere people read it.") { email };
    }
}
