using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Engine.Host.Api;

/// <summary>Source-generated JSON of every API body (camelCase, as web clients expect), problem details included.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(ApiOrder[]))]
[JsonSerializable(typeof(ApiFill[]))]
[JsonSerializable(typeof(ApiStateCommand))]
[JsonSerializable(typeof(ApiStateResult))]
[JsonSerializable(typeof(ApiCancelAllResult))]
[JsonSerializable(typeof(ApiStrategyResult))]
[JsonSerializable(typeof(ApiHealth))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
