namespace Rollcall.Simulation;

/// <summary>Settings shared by every simulated server and the tests that drive them.</summary>
public static class SimulationDefaults
{
    /// <summary>How long a test waits for an observable outcome before it fails; generous for a 2-core CI box.</summary>
    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
