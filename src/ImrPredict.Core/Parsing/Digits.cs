namespace ImrPredict.Core.Parsing;

/// <summary>Undoes OCR's look-alike letters in text that can only hold digits.</summary>
internal static class Digits
{
    /// <summary>O and o read as 0, l and I as 1; everything else unchanged.</summary>
    public static string Correct(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                'O' or 'o' => '0',
                'l' or 'I' => '1',
                var c => c,
            };
        }
    });

    /// <summary>The reverse, for words: 0 read as o and 1 as l ("0verturned", "Uphe1d").</summary>
    public static string CorrectLetters(string value) => value.Replace('0', 'o').Replace('1', 'l');
}
