"""Speed work kept at the edges: each module names the `make bench` row it serves."""
