using System.Diagnostics.CodeAnalysis;

// "Operator" is a keyword in Visual Basic only; the namespace names the product.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespaceanddescendants", Target = "~N:BackendStack.Operator", Justification = "Product name; consumed from C# only.")]
