namespace BackendStack.Emulator.Resources;

/// <summary>A table column: a CRD's additionalPrinterColumn, or a built-in's column computed in code.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, int Priority = 0, string Description = "", string Format = "");
