using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.Worker.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (<see cref="WorkerReadiness"/>) on
/// <c>Health:Port</c>, served by an <see cref="HttpListener"/> because the worker hosts no Kestrel (like its Prometheus
/// listener). Each request is answered on its own task, so a slow database check never delays a liveness probe.
/// </summary>
internal sealed class WorkerHealthServer(IOptions<WorkerHealthOptions> options, WorkerReadiness readiness, ILogger<WorkerHealthServer> logger)
    : BackgroundService
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var port = options.Value.Port;
        using var listener = new HttpListener();
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://+:{port}/health/"));
        // A port that cannot be bound stops the host: an orchestrator that probes it would restart the pod forever anyway.
        listener.Start();
        logger.LogInformation("Health endpoints on port {Port}: {Live}, {Ready}", port, LivePath, ReadyPath);
        await using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (stoppingToken.IsCancellationRequested
                && ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            _ = Task.Run(() => AnswerAsync(context, stoppingToken), CancellationToken.None);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        try
        {
            var (status, text) = context.Request.Url?.AbsolutePath switch
            {
                LivePath => (HttpStatusCode.OK, "Healthy"),
                ReadyPath => await ReadyAsync(cancellationToken),
                _ => (HttpStatusCode.NotFound, "Not found"),
            };
            var body = Encoding.UTF8.GetBytes(text);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body, cancellationToken);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The prober went away or the host is stopping: nothing to answer.
            context.Response.Abort();
        }
    }

    private async Task<(HttpStatusCode, string)> ReadyAsync(CancellationToken cancellationToken) =>
        await readiness.ProblemAsync(cancellationToken) is { } problem
            ? (HttpStatusCode.ServiceUnavailable, "Unhealthy: " + problem)
            : (HttpStatusCode.OK, "Healthy");
}
