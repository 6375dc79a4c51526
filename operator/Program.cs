Console.WriteLine("backendstack-operator");
