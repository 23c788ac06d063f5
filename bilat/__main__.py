import sys

from bilat.cli import main

sys.exit(main(sys.argv[1:]))
