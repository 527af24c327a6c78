#!/usr/bin/env python3
"""Reference timings of the studio's benchmark workloads in PyTorch (Python), on the CPU.

The same networks, batch sizes and optimizers as the project's own `bench` command must use, so that
the two can be compared side by side on one machine. Install once with `apt-get install -y python3-torch`
and run with Debian's interpreter:  /usr/bin/python3 ../shared/bench/pytorch_reference.py

Workloads (batch 64, 28x28x1 inputs, z = 100):
  dcgan-gan     one D step (real + fake, BCE with logits) + one G step (non-saturating), Adam 2e-4, beta1 0.5
  dcgan-wgan    5 critic steps with weight clipping (c = 0.01) + one G step, RMSProp 5e-5, critic without BatchNorm
  dcgan-wgan-gp 5 critic steps with gradient penalty (lambda 10) + one G step, Adam 1e-4 (0.5, 0.9), critic without BatchNorm
  mlp2d-wgan-gp the 2D toy: critic MLP 2-512-512-512-1, generator MLP z=2 -> 512x3 -> 2, ReLU, batch 256, 5 critic steps + GP
  classifier-fashion  (added for GAN Studio's bench) one training step of the fashion baseline CNN
                conv3x3 32 - ReLU - maxpool2 - conv3x3 64 - ReLU - maxpool2 - dense 128 - ReLU - dense 10, He init,
                batch 128, Adam 1e-3, cross entropy, on a fixed random batch
Prints one line per workload: name, median ms per generator iteration, and images (samples) per second.

GAN Studio's copy (src/bench/pytorch_reference.py) adds the classifier-fashion workload, a first `matmul` line
(the fp32 rate of a 2048^3 product, median of 10, through this torch: the ceiling), and after samples/s the
achieved GFLOP/s, its share of the ceiling and the FLOPs per iteration, counted exactly as the studio's
`bench` counts them (ganstudio.train.bench.Flops): 2 per multiply-add of Linear/Conv2d/ConvTranspose2d
layers; backward 2x forward for trained weights, 1x through a frozen network; a gradient penalty 6x the
critic's forward. The original four workloads run exactly as in ../shared/bench/pytorch_reference.py (the
FLOP count runs on copies of the networks with zero inputs, the matmul on its own random generator, so
neither touches the workloads' random stream or batch-norm statistics).
"""
import argparse, copy, statistics, time
import torch
import torch.nn as nn

def dcgan_g(z=100):
    return nn.Sequential(
        nn.Linear(z, 128 * 7 * 7), nn.BatchNorm1d(128 * 7 * 7), nn.ReLU(),
        nn.Unflatten(1, (128, 7, 7)),
        nn.ConvTranspose2d(128, 64, 4, 2, 1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())

def dcgan_d(batchnorm=True):
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128) if batchnorm else nn.Identity(), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))

def mlp(i, o, h=512, n=3):
    layers, d = [], i
    for _ in range(n):
        layers += [nn.Linear(d, h), nn.ReLU()]; d = h
    return nn.Sequential(*layers, nn.Linear(d, o))

def gp(critic, real, fake):
    a = torch.rand(real.size(0), *([1] * (real.dim() - 1)))
    x = (a * real + (1 - a) * fake).requires_grad_(True)
    g, = torch.autograd.grad(critic(x).sum(), x, create_graph=True)
    return ((g.flatten(1).norm(dim=1) - 1) ** 2).mean()

def classifier():
    net = nn.Sequential(
        nn.Conv2d(1, 32, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu"); nn.init.zeros_(m.bias)
    return net

def forward_flops(net, shape):
    """2 FLOPs per multiply-add of the Linear, Conv2d and ConvTranspose2d layers, on a copy of the network."""
    net, total = copy.deepcopy(net), [0]
    def hook(m, inp, out):
        x = inp[0]
        if isinstance(m, nn.Linear):
            total[0] += 2 * (x.numel() // m.in_features) * m.in_features * m.out_features
        elif isinstance(m, nn.ConvTranspose2d):
            total[0] += 2 * x.numel() * m.out_channels * m.kernel_size[0] * m.kernel_size[1] // m.groups
        elif isinstance(m, nn.Conv2d):
            total[0] += 2 * out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
    for m in net.modules():
        m.register_forward_hook(hook)
    with torch.no_grad():
        net(torch.zeros(*shape))
    return total[0]

def gan_flops(g, d, n_critic, penalty, shared_fake):
    """One generator iteration: critic steps (G forward, D forward+backward on real and fake, penalty 6 D)
    and the generator step (G forward+backward, D forward + input-gradient backward)."""
    critic = (0 if shared_fake else g) + 6 * d + (6 * d if penalty else 0)
    return n_critic * critic + 3 * g + 2 * d

def make(name):
    if name == "dcgan-gan":
        G, D = dcgan_g(), dcgan_d(True)
        og = torch.optim.Adam(G.parameters(), 2e-4, betas=(0.5, 0.999)); od = torch.optim.Adam(D.parameters(), 2e-4, betas=(0.5, 0.999))
        bce = nn.BCEWithLogitsLoss(); real = torch.rand(64, 1, 28, 28) * 2 - 1
        def it():
            z = torch.randn(64, 100); fake = G(z)
            od.zero_grad()
            ld = bce(D(real), torch.ones(64, 1)) + bce(D(fake.detach()), torch.zeros(64, 1)); ld.backward(); od.step()
            og.zero_grad(); lg = bce(D(fake), torch.ones(64, 1)); lg.backward(); og.step()
        return it, 64, gan_flops(forward_flops(G, (64, 100)), forward_flops(D, (64, 1, 28, 28)), 1, False, True)
    if name in ("dcgan-wgan", "dcgan-wgan-gp", "mlp2d-wgan-gp"):
        if name == "mlp2d-wgan-gp":
            G, D, zdim, b = mlp(2, 2), mlp(2, 1), 2, 256; real = torch.randn(b, 2)
        else:
            G, D, zdim, b = dcgan_g(), dcgan_d(False), 100, 64; real = torch.rand(b, 1, 28, 28) * 2 - 1
        if name == "dcgan-wgan":
            og = torch.optim.RMSprop(G.parameters(), 5e-5); od = torch.optim.RMSprop(D.parameters(), 5e-5)
        else:
            og = torch.optim.Adam(G.parameters(), 1e-4, betas=(0.5, 0.9)); od = torch.optim.Adam(D.parameters(), 1e-4, betas=(0.5, 0.9))
        def it():
            for _ in range(5):
                fake = G(torch.randn(b, zdim)).detach()
                od.zero_grad()
                ld = D(fake).mean() - D(real).mean()
                if name != "dcgan-wgan":
                    ld = ld + 10 * gp(D, real, fake)
                ld.backward(); od.step()
                if name == "dcgan-wgan":
                    with torch.no_grad():
                        for p in D.parameters(): p.clamp_(-0.01, 0.01)
            og.zero_grad(); lg = -D(G(torch.randn(b, zdim))).mean(); lg.backward(); og.step()
        return it, b, gan_flops(forward_flops(G, (b, zdim)), forward_flops(D, tuple(real.shape)), 5,
                                name != "dcgan-wgan", False)
    if name == "classifier-fashion":
        net, b = classifier(), 128
        opt = torch.optim.Adam(net.parameters(), 1e-3); ce = nn.CrossEntropyLoss()
        x = torch.rand(b, 1, 28, 28) * 2 - 1; y = torch.randint(0, 10, (b,))
        def it():
            opt.zero_grad(); loss = ce(net(x), y); loss.backward(); opt.step()
        return it, b, 3 * forward_flops(net, (b, 1, 28, 28))
    raise SystemExit("unknown workload " + name)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workloads", default="dcgan-gan,dcgan-wgan,dcgan-wgan-gp,mlp2d-wgan-gp,classifier-fashion")
    p.add_argument("--iters", type=int, default=30); p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads); torch.manual_seed(0)
    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads, {torch.get_num_interop_threads()} "
          f"inter-op thread(s), load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
    print(f"# {a.iters} timed iterations after {a.warmup} warm-up; median per iteration (cpu-ms: process CPU time, "
          f"all threads)")
    ceiling = matmul()
    for name in a.workloads.split(","):
        it, b, flops = make(name)
        for _ in range(a.warmup): it()
        ts, cpu = [], []
        for _ in range(a.iters):
            c = time.process_time(); s = time.perf_counter(); it(); ts.append(time.perf_counter() - s)
            cpu.append(time.process_time() - c)
        med = statistics.median(ts)
        gflops = flops / med / 1e9
        print(f"{name}\t{med * 1e3:.2f} ms/iter\t{b / med:.0f} samples/s\t{gflops:.1f} GFLOP/s\t"
              f"{100 * gflops / ceiling:.1f}% of matmul\t({flops / 1e9:.3f} GFLOP/iter)\t"
              f"{statistics.median(cpu) * 1e3:.1f} cpu-ms/iter")
    print(f"# load average at the end {' '.join(open('/proc/loadavg').read().split()[:3])}")

def matmul(n=2048, repeats=10):
    """fp32 rate of an n^3 product in GFLOP/s (median of repeats after 2 warm-up), on its own random stream."""
    gen = torch.Generator().manual_seed(1)
    x, y = torch.randn(n, n, generator=gen), torch.randn(n, n, generator=gen)
    ts = []
    for i in range(repeats + 2):
        s = time.perf_counter(); torch.mm(x, y); t = time.perf_counter() - s
        if i >= 2:
            ts.append(t)
    med = statistics.median(ts); rate = 2 * n ** 3 / med / 1e9
    print(f"matmul\t{med * 1e3:.2f} ms/op\t{rate:.1f} GFLOP/s\t(ceiling: {n}^3 fp32, {2 * n ** 3 / 1e9:.3f} GFLOP/op)")
    return rate

if __name__ == "__main__":
    main()
