"""The pass/fail count the check scripts share: each check prints what failed, the last line sums them up."""
import sys


class Tally:
    def __init__(self, name):
        self.name, self.passed, self.failed = name, 0, 0

    def check(self, condition, what):
        """Counts one check; prints `FAIL: what` when `condition` is false."""
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL:", what)

    def finish(self):
        """Prints the sum and exits 1 when any check failed."""
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
