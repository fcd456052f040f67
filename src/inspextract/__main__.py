from inspextract.cli import console_main

console_main()
