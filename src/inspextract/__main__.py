from inspextract.cli import main

main()
