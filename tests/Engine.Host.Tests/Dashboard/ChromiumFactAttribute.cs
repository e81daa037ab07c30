namespace Engine.Host.Tests.Dashboard;

/// <summary>
/// A fact that needs Debian's Chromium (<c>/usr/bin/chromium</c>, or the path in <c>ENGINE_TEST_CHROMIUM</c>), which
/// <c>scripts/test.sh</c> installs; skipped, saying why, where it is missing. No browser is ever downloaded.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ExecutablePath is null)
        {
            Skip = "Chromium not installed (apt-get install -y chromium; scripts/test.sh does it when it can)";
        }
    }

    /// <summary>The browser to drive, or null when none is installed.</summary>
    public static string? ExecutablePath =>
        new[] { Environment.GetEnvironmentVariable("ENGINE_TEST_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
