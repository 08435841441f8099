"""Demo: growth of LRX(10), its table, diameter and a plot (demo_output/lrx10_growth.png)."""

from pathlib import Path

import cayley

graph = cayley.groups.lrx(10)
print(graph)
result = cayley.growth(graph, progress=True)
print(result.to_frame().to_string(index=False))
print(f"diameter {result.diameter} (n(n-1)/2 = {10 * 9 // 2}); {result.num_states:,} states "
      f"(10! = 3,628,800); backend {result.backend}; {result.elapsed:.2f} s")
print("last layer:", result.last_layer.tolist())
out = Path("demo_output")
out.mkdir(exist_ok=True)
result.plot(path=out / "lrx10_growth.png", title="LRX(10): states per distance")
print(f"plot written to {out / 'lrx10_growth.png'}")
