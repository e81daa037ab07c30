using Engine.Actors.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Engine.Host.Api;

/// <summary>
/// OpenTelemetry export of the engine's instruments (meter <see cref="MetricsNames.Meter"/>) and order traces (source
/// <see cref="MetricsNames.Orders"/>): always the Prometheus scrape at <c>/metrics</c>; OTLP as well when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (the exporter reads its other <c>OTEL_*</c> variables itself).
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The variable that switches OTLP export on.</summary>
    public const string OtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers the providers in <paramref name="services"/>.</summary>
    public static void Add(IServiceCollection services)
    {
        var otlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(OtlpVariable));
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MetricsNames.Meter).AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(MetricsNames.Orders).AddOtlpExporter());
        }
    }
}
