"""Kill a real checkpointing subprocess mid-run (for the resume tests of the engines)."""

import json
import os
import signal
import subprocess
import sys
import time


def kill_after_layers(child_code: str, checkpoint_dir, min_layers: int, timeout: float = 120) -> list:
    """Run ``child_code`` (argv[1] is ``checkpoint_dir``) in a fresh interpreter, SIGKILL it once its
    checkpoint holds ``min_layers`` layer sizes, and return the layer sizes the checkpoint holds then.
    Fails the test when the child finishes before it could be killed or the checkpoint says complete."""
    proc = subprocess.Popen([sys.executable, "-c", child_code, str(checkpoint_dir)], env=dict(os.environ))
    meta = checkpoint_dir / "meta.json"
    deadline = time.time() + timeout
    try:
        while time.time() < deadline and proc.poll() is None:
            if meta.exists() and len(json.loads(meta.read_text())["layer_sizes"]) >= min_layers:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the child finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    record = json.loads(meta.read_text())
    assert not record["complete"]
    return record["layer_sizes"]
