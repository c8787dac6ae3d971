#!/usr/bin/env python3
"""PyTorch (CPU) peer of `lwkd bench` (src/train/throughput.rs): the same LeNet-5, data, optimizer and
timing protocol. The first step is timed alone up to its loss on the host; after `warmup` more steps,
`steps` steps are timed up to one read of all their losses. Prints one JSON line per batch size.

    python bench/torch_lenet.py --threads 1 --batch 64,256   (bench/native.sh runs it in its own venv)
"""
import argparse, json, struct, time

import numpy as np
import torch
from torch import nn

MEAN, STD = 0.1307, 0.3081


def read_lwkd(path, n):
    with open(path, "rb") as f:
        magic, _version, count, rows, cols = struct.unpack("<4sIIII", f.read(20))
        assert magic == b"LWKD" and rows == 28 and cols == 28
        labels = np.frombuffer(f.read(count), dtype=np.uint8)
        pixels = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8).reshape(count, 1, 28, 28)
    # The file is sorted by class: every (count // n)-th image spreads the n images over all classes.
    stride = count // n
    return pixels[: n * stride : stride].copy(), labels[: n * stride : stride].copy()


class LeNet5(nn.Module):
    """As src/model/lenet.rs: conv(pad 2) → ReLU → pool → conv → ReLU → pool → 120 → 84 → K."""

    def __init__(self, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool = nn.MaxPool2d(2)
        self.fc1, self.fc2, self.fc3 = nn.Linear(400, 120), nn.Linear(120, 84), nn.Linear(84, classes)

    def forward(self, x):
        x = self.pool(torch.relu(self.conv1(x)))
        x = self.pool(torch.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc3(torch.relu(self.fc2(torch.relu(self.fc1(x)))))


def bench(pixels, labels, batch, warmup, steps):
    torch.manual_seed(1)
    model = LeNet5()
    optim = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    n, nxt = len(labels), 0

    def step():
        nonlocal nxt
        idx = np.arange(nxt, nxt + batch) % n
        nxt = (nxt + batch) % n
        x = (torch.from_numpy(pixels[idx].astype(np.float32)) / 255.0 - MEAN) / STD
        y = torch.from_numpy(labels[idx].astype(np.int64))
        loss = loss_fn(model(x), y)
        optim.zero_grad(set_to_none=True)
        loss.backward()
        optim.step()
        return loss.detach()

    t = time.perf_counter()
    step().item()
    first_ms = (time.perf_counter() - t) * 1e3
    torch.stack([step() for _ in range(warmup)]).tolist() if warmup else None
    t = time.perf_counter()
    losses = torch.stack([step() for _ in range(steps)]).tolist()
    s = time.perf_counter() - t
    return {"backend": "pytorch-cpu", "threads": torch.get_num_threads(), "torch": torch.__version__,
            "batch": batch, "steps": steps, "first_step_ms": first_ms, "ms_per_step": s * 1e3 / steps,
            "samples_per_s": steps * batch / s, "last_loss": losses[-1]}


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--batch", default="64,256")
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--images", type=int, default=2000)
    p.add_argument("--threads", type=int, default=0, help="0: PyTorch's default")
    p.add_argument("--data", default="public/data/fashion-train.bin")
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    pixels, labels = read_lwkd(a.data, a.images)
    for b in map(int, a.batch.split(",")):
        print(json.dumps(bench(pixels, labels, b, a.warmup, a.steps)), flush=True)
