namespace Engine.Actors.Budget;

/// <summary>Queue priority when the budget is short: cancels first, then new orders, then queries.</summary>
public enum RequestPriority
{
    /// <summary>Cancels reduce risk and go first.</summary>
    Cancel = 0,

    /// <summary>New orders.</summary>
    Order = 1,

    /// <summary>Queries and everything else.</summary>
    Query = 2,
}
