using System.Globalization;
using System.Text;

namespace Engine.Cluster.Tests;

/// <summary>HOCON of a test node: loopback remoting on its port, the first node as seed, the shared PostgreSQL journal, the logins on one venue.</summary>
internal static class ClusterConfigs
{
    /// <summary>
    /// A strategy trading <paramref name="logins"/> (the sample market maker, which quotes on the first one): every node's
    /// relay then follows all of them, so every node hears every login's events.
    /// </summary>
    public static string Watcher(IEnumerable<string> logins) => $$"""
        strategies = [
          {
            name = watcher
            type = "Engine.Strategies.Samples.MarketMaker"
            assembly = "Engine.Strategies.Samples"
            logins = [{{string.Join(", ", logins)}}]
            parameters { symbol = "BTC/USDT", initial-mid = 50000, spread-bps = 4, order-size = 0.001, requote-threshold-bps = 2, refresh-interval = 2s, max-long = 0.01, max-short = 0.01 }
          }
        ]
        """;

    /// <summary>
    /// A node's configuration. The failure detector and the split-brain resolver are tightened (2 s pause, 2 s stable-after,
    /// 1 s removal margin) so a failover fits a test; the defaults are in <c>ClusterHocon</c>.
    /// </summary>
    public static string Node(int port, int seedPort, string pg, Uri venue, IEnumerable<string> logins, string extra = "")
    {
        var list = new StringBuilder();
        foreach (var login in logins)
        {
            list.Append(CultureInfo.InvariantCulture, $$"""
                    {
                      name = {{login}}
                      venue = quant-gateway
                      quant-gateway {
                        url = "{{venue}}"
                        platform = huobi
                        symbols = ["BTC/USDT"]
                        access-key = {{login}}-key
                        secret-key = {{login}}-secret
                      }
                    }

                """);
        }

        return $$"""
            akka {
              loglevel = WARNING
              remote.dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
              coordinated-shutdown.run-by-actor-system-terminate = off
              cluster {
                seed-nodes = ["akka.tcp://engine@127.0.0.1:{{seedPort}}"]
                failure-detector.acceptable-heartbeat-pause = 2s
                split-brain-resolver.stable-after = 2s
                down-removal-margin = 1s
              }
            }
            engine {
              cluster { enabled = true, shards = 30 }
              journal { database = postgresql, postgresql.connection-string = "{{pg}}" }
              snapshot-store { database = postgresql, postgresql.connection-string = "{{pg}}" }
              run.status-interval = 1h
              logins = [
            {{list}}  ]
            {{extra}}
            }
            """;
    }
}
