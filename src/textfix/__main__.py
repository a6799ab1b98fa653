from textfix.cli import main
import sys

sys.exit(main())
