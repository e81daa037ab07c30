using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders;

/// <summary>Polymorphic JSON for order events, as a journal would store them (type discriminator per event type).</summary>
internal static class JournalOptions
{
    public static readonly JsonSerializerOptions Instance = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(IOrderEvent))
                    {
                        info.PolymorphismOptions = new JsonPolymorphismOptions();
                        foreach (var t in typeof(IOrderEvent).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IOrderEvent).IsAssignableFrom(t)))
                        {
                            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(t, t.Name));
                        }
                    }
                },
            },
        },
    };
}
