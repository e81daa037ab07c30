namespace Engine.Host.Cli;

/// <summary>The running engine refused a CLI request, or did not answer; the message is for people.</summary>
internal sealed class ControlApiException(string message) : Exception(message);
