using System.Net;
using System.Net.Sockets;

namespace Platform.Tests.Infrastructure;

/// <summary>A loopback TCP port free right now, for a process or listener a test starts a moment later.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
