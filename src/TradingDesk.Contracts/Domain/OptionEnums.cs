namespace TradingDesk.Desk.Domain;

/// <summary>What to do with a long option position (IB's exerciseAction: 1 exercise, 2 lapse).</summary>
public enum ExerciseAction { Exercise = 1, Lapse = 2 }
