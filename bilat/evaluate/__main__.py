"""``python -m bilat.evaluate GOLD_DIR --write-baseline FILE``."""

import sys

from bilat.evaluate.run import _script

sys.exit(_script())
