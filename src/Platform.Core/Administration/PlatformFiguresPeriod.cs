namespace Platform.Core.Administration;

/// <summary>
/// The dashboard's windows, in whole UTC days because its sales come from <see cref="DailyStoreFigures"/>: 24 h is
/// yesterday and today (since yesterday 00:00 UTC), 7 d and 30 d end with today.
/// </summary>
public enum PlatformFiguresPeriod
{
    Day = 0,
    Week = 1,
    Month = 2,
}
