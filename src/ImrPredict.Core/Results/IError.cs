namespace ImrPredict.Core.Results;

/// <summary>
/// An error of any library, seen without its code type: what a transport needs to map it to a status
/// (see the server's status table) and to show it.
/// </summary>
public interface IError
{
    /// <summary>The library's code, one of its own enum's values.</summary>
    Enum Code { get; }

    /// <summary>What is wrong, in words a user can act on.</summary>
    string Message { get; }

    /// <summary>The input field concerned, when one is.</summary>
    string? Field { get; }
}
