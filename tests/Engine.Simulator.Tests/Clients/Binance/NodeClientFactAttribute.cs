namespace Engine.Simulator.Tests.Clients.Binance;

/// <summary>
/// A fact that runs a node client script: it runs only when <c>node</c> is on the PATH and the environment variable
/// <see cref="HomeVariable"/> names a folder whose <c>node_modules</c> holds <see cref="Package"/> (what
/// <c>scripts/test.sh</c> installs with npm); otherwise it is skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeClientFactAttribute : FactAttribute
{
    /// <summary>Skips unless node and <paramref name="package"/> under <c>$<paramref name="homeVariable"/>/node_modules</c> are there.</summary>
    public NodeClientFactAttribute(string homeVariable, string package)
    {
        HomeVariable = homeVariable;
        Package = package;
        if (NodeClient.Home(homeVariable, package) is null)
        {
            Skip = $"{package} not installed: set {homeVariable} to a folder where `npm install {package}` ran (scripts/test.sh does it; tests/clients/binance-*/README.md).";
        }
        else if (NodeClient.Node is null)
        {
            Skip = "node is not on the PATH.";
        }
    }

    /// <summary>The environment variable naming the npm folder.</summary>
    public string HomeVariable { get; }

    /// <summary>The npm package the script loads.</summary>
    public string Package { get; }
}
