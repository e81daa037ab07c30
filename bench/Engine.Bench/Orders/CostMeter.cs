using System.Diagnostics;

namespace Engine.Bench.Orders;

/// <summary>
/// Profiling aid: on dispose, prints the process CPU time and the bytes allocated (all threads) per order over the
/// measured section, to stderr. Simulator, client and engine share the process, so both sides are charged the
/// simulator's share alike. The GC's pauses over the section are printed too, as time per order.
/// </summary>
internal sealed class CostMeter : IDisposable
{
    private readonly string label;
    private readonly int orders;
    private readonly TextWriter progress;
    private readonly TimeSpan cpu;
    private readonly long allocated;
    private readonly int gen0;
    private readonly int gen2;
    private readonly TimeSpan paused;

    public CostMeter(string label, int orders, TextWriter progress)
    {
        this.label = label;
        this.orders = orders;
        this.progress = progress;
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(precise: false);
        gen0 = GC.CollectionCount(0);
        gen2 = GC.CollectionCount(2);
        paused = GC.GetTotalPauseDuration();
    }

    public void Dispose()
    {
        var cpuPerOrder = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / orders;
        var bytesPerOrder = (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)orders;
        var pausePerOrder = (GC.GetTotalPauseDuration() - paused).TotalMicroseconds / orders;
        progress.WriteLine(
            $"orders: {label}: {cpuPerOrder:F1} µs CPU/order, {bytesPerOrder:F0} bytes allocated/order, gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, GC pauses {pausePerOrder:F1} µs/order");
    }
}
