using ImrPredict.Application;
using ImrPredict.Application.Models;

namespace ImrPredict.Server;

/// <summary>
/// <c>GET /v1/model/report/{name}</c>: the serving bundle's validation report and plots, as files (a gRPC message is
/// the wrong shape for a PNG); errors in the JSON API's shape.
/// </summary>
internal static class ModelReportEndpoint
{
    public static IEndpointRouteBuilder MapModelReport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/model/report/{name}", (string name, ManageModel manageModel) =>
        {
            var file = manageModel.ReportFile(name);
            if (!file.TryGetValue(out var bytes))
            {
                var code = ErrorStatus.Table.GetValueOrDefault(file.Error.Code, Google.Rpc.Code.Internal);
                var status = file.Error.Code switch
                {
                    ApplicationErrorCode.InvalidArgument => StatusCodes.Status400BadRequest,
                    ApplicationErrorCode.NotFound => StatusCodes.Status404NotFound,
                    _ => StatusCodes.Status503ServiceUnavailable,
                };
                return Results.Json(new { code = (int)code, message = file.Error.Message }, statusCode: status);
            }

            var type = name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "text/markdown; charset=utf-8";
            return Results.File(bytes, type);
        });
        return endpoints;
    }
}
