Console.WriteLine("backendstack-emulator");
