using System.Net;
using System.Net.Sockets;

namespace Rollcall.Simulation;

/// <summary>A TCP port on 127.0.0.1 that is free now, for servers that must be told their port before they start.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
