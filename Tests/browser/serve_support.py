"""Starts `evalsheet serve` on a free loopback port for the Python tests, and builds multipart bodies."""
import os
import re
import shutil
import subprocess
import tempfile
import uuid


class Server:
    """`evalsheet serve --port 0` as a child process; `url` once it listens; stopped by `stop()`."""

    def __init__(self, binary, *arguments):
        self.temporary = tempfile.mkdtemp(prefix="evalsheet-serve-test-")
        self.process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", "0", *arguments],
                                        stderr=subprocess.PIPE, text=True, env={**os.environ, "TMPDIR": self.temporary})
        line = self.process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{match.group(1)}"
        self.log_lines = 0

    def peak_rss_mb(self):
        """Peak resident memory (VmHWM) of the server so far, in MB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def leftovers(self):
        """What the server left in its temporary folder (TMPDIR): should be nothing once every answer is sent."""
        return sorted(os.listdir(self.temporary))

    def stop(self):
        """Stops the server, removes its temporary folder and returns its log lines."""
        self.process.terminate()
        try:
            _, rest = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, rest = self.process.communicate()
        shutil.rmtree(self.temporary, ignore_errors=True)
        return rest.splitlines()


def multipart(files):
    """(content type, body) for [(field, filename, bytes)]."""
    boundary = "evalsheet-" + uuid.uuid4().hex
    body = b""
    for field, filename, data in files:
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # Tests/browser/ → the repository
