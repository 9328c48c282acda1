using Microsoft.Extensions.Logging;
using Platform.Core.Data;

namespace Platform.Core.Email;

/// <summary>
/// Writes each email to the EmailMessages table (the mail outbox) and logs that it did — never the
/// body, which holds reset and invitation links. In Development and tests this is the whole delivery;
/// an SMTP relay that drains the table is a later step.
/// </summary>
public sealed partial class OutboxEmailSender(PlatformDbContext db, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken)
    {
        db.EmailMessages.Add(new EmailMessage { Id = Guid.CreateVersion7(), To = to, Subject = subject, Body = body, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        LogWritten(subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email \"{Subject}\" written to the mail outbox")]
    private partial void LogWritten(string subject);
}
