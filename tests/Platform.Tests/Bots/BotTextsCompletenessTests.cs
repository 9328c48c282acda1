using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Core.Outbound.Texts;

namespace Platform.Tests.Bots;

/// <summary>
/// Every platform text exists in English, Persian and Russian and reads as that language: found by reflection over
/// <see cref="BotTexts"/>, so a text added in one language only, a leftover English word or an unfilled placeholder fails here.
/// Texts with arguments are rendered with markers (⟦name⟧, 42, 1,234, 2026-03-04) that must all appear in the result.
/// </summary>
public sealed partial class BotTextsCompletenessTests
{
    /// <summary>Latin words a Persian or Russian text may keep: brand names and the labels of Telegram's and the portal's English screens.</summary>
    private static readonly HashSet<string> AllowedLatin = ["Telegram", "Balance", "Withdraw", "via", "Fragment", "Toncoin"];

    private static readonly DateTimeOffset SampleDay = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Languages => ["en", "fa", "ru"];

    [Fact]
    public void Every_language_overrides_every_text_so_none_can_be_added_in_one_language_only()
    {
        var abstractMembers = typeof(BotTexts).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsAbstract).Select(m => m.Name).Order().ToList();
        Assert.True(abstractMembers.Count > 70, $"Only {abstractMembers.Count} texts found.");
        foreach (var texts in new[] { BotTexts.English, BotTexts.Persian, BotTexts.Russian })
        {
            var overrides = texts.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetBaseDefinition().DeclaringType == typeof(BotTexts)).Select(m => m.Name).Order().ToList();
            Assert.Equal(abstractMembers, overrides);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_filled_in_and_written_in_its_own_script(string language)
    {
        var texts = BotTexts.For(language, null);
        Assert.Equal(language, texts.Language);
        foreach (var (member, text, markers) in Render(texts))
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{language}.{member} is empty.");
            Assert.DoesNotMatch(Placeholder(), text);
            foreach (var marker in markers)
            {
                Assert.True(text.Contains(marker, StringComparison.Ordinal), $"{language}.{member} leaves out its argument {marker}: {text}");
            }

            // Texts go out in HTML parse mode too (deliveries): their own words hold no markup characters.
            var words = markers.Aggregate(text, (t, m) => t.Replace(m, " ", StringComparison.Ordinal));
            Assert.True(words.IndexOfAny(['<', '>', '&']) < 0, $"{language}.{member} has a markup character: {text}");
            switch (language)
            {
                case "fa":
                    Assert.True(ArabicLetter().IsMatch(words), $"fa.{member} has no Persian letters: {text}");
                    Assert.Empty(LatinWords(words, member));
                    var latinArguments = markers.Where(m => m.StartsWith('⟦')).Aggregate(text, (t, m) => t.Replace(m, "Latin", StringComparison.Ordinal));
                    Assert.All(latinArguments.Split('\n'), line => Assert.True(StartsRightToLeft(line), $"fa.{member}: a line starts left-to-right: {line}"));
                    break;
                case "ru":
                    Assert.True(CyrillicLetter().IsMatch(words), $"ru.{member} has no Cyrillic letters: {text}");
                    Assert.Empty(LatinWords(words, member));
                    break;
                default:
                    Assert.False(ArabicLetter().IsMatch(words) || CyrillicLetter().IsMatch(words), $"en.{member} is not English: {text}");
                    break;
            }
        }
    }

    [Fact]
    public void Help_and_the_command_menu_list_the_same_commands_in_every_language()
    {
        string[] expected = ["start", "catalog", "orders", "subscriptions", "about", "terms", "paysupport", "help"];
        foreach (var texts in new[] { BotTexts.English, BotTexts.Persian, BotTexts.Russian })
        {
            Assert.Equal(expected, texts.Commands.Select(c => c.Command));
            Assert.All(texts.Commands, c => Assert.InRange(c.Description.Length, 1, 256));
            Assert.Equal(texts.Commands.Count, texts.Commands.Select(c => c.Description).Distinct().Count());
            var lines = texts.Help.Split('\n');
            Assert.All(texts.Commands, c => Assert.Single(lines, l => l.Contains($"/{c.Command}", StringComparison.Ordinal)
                && l.Contains(c.Description, StringComparison.Ordinal)));
        }
    }

    /// <summary>Each text member rendered: properties as they are, methods with sample arguments (and the markers to find).</summary>
    private static IEnumerable<(string Member, string Text, string[] Markers)> Render(BotTexts texts)
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var property in typeof(BotTexts).GetProperties(Members).Where(p => p.PropertyType == typeof(string) && p.Name != nameof(BotTexts.Language)))
        {
            yield return (property.Name, (string)property.GetValue(texts)!, []);
        }

        foreach (var method in typeof(BotTexts).GetMethods(Members).Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName))
        {
            var samples = method.GetParameters().Select(Sample).ToList();
            yield return (method.Name, (string)method.Invoke(texts, [.. samples.Select(s => s.Value)])!, [.. samples.Select(s => s.Marker)]);
        }

        foreach (var (command, description) in texts.Commands)
        {
            yield return ($"Commands[{command}]", description, []);
        }
    }

    private static (object Value, string Marker) Sample(ParameterInfo parameter, int index)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return ($"⟦{parameter.Name}⟧", $"⟦{parameter.Name}⟧");
        }

        if (type == typeof(int))
        {
            return (42 + index, (42 + index).ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(long))
        {
            return (1234L + index, (1234L + index).ToString("#,0", CultureInfo.InvariantCulture));
        }

        Assert.Equal(typeof(DateTimeOffset), type);
        var day = SampleDay.AddDays(index);
        return (day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static List<string> LatinWords(string text, string member) =>
        [.. LatinWord().Matches(text).Select(m => m.Value).Where(w => !w.StartsWith('/') && !w.StartsWith('@') && !AllowedLatin.Contains(w))
            .Select(w => $"{member}: {w}")];

    /// <summary>
    /// Telegram sets a paragraph's direction from its first strong letter: a Persian line must start (after emoji, digits,
    /// punctuation and isolated runs) with a Persian letter. String arguments stand in as a Latin word (a title may be Latin), so an
    /// un-isolated one at a line's start fails the check, as it would flip the line in the chat.
    /// </summary>
    private static bool StartsRightToLeft(string line)
    {
        if (line.Trim() == "Latin")
        {
            return true; // an argument on a line of its own (a key, the secret text) is its own paragraph, in its own direction
        }

        var visible = IsolatedRun().Replace(line, "");
        var first = visible.FirstOrDefault(char.IsLetter);
        return first == default || ArabicLetter().IsMatch(first.ToString());
    }

    [GeneratedRegex(@"\{\w*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex(@"[\u0400-\u04FF]")]
    private static partial Regex CyrillicLetter();

    [GeneratedRegex(@"[/@]?[A-Za-z][A-Za-z_]+")]
    private static partial Regex LatinWord();

    [GeneratedRegex("\u2068[^\u2069]*\u2069")]
    private static partial Regex IsolatedRun();
}
