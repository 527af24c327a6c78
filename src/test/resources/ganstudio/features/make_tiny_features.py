"""Makes the TorchScript fixtures of FeatureNetworkTest (run once with /usr/bin/python3; the tests only read the .pt
files). Both are scripted, not traced, so the input's side stays a value the network reads rather than a constant.

tiny_features.pt: an N x 3 x S x S batch -> N x 3 features: (the three channel means) @ W, W = [[1, 2], [3, 4],
[5, 6]], then S. A grey image of value g replicated to 3 channels gives (9g, 12g, S). Anything but 3 channels fails
at the product, as a colour network does.

tiny_scalar.pt: one number for the whole batch (its mean): the wrong shape for per-image features.
"""
import os

import torch


class TinyFeatures(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("w", torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))

    def forward(self, x):
        means = x.mean(dim=(2, 3))
        side = x.new_full([x.shape[0], 1], float(x.shape[2]))
        return torch.cat([means @ self.w, side], dim=1)


class TinyScalar(torch.nn.Module):
    def forward(self, x):
        return x.mean()


here = os.path.dirname(os.path.abspath(__file__))
torch.jit.script(TinyFeatures()).save(os.path.join(here, "tiny_features.pt"))
torch.jit.script(TinyScalar()).save(os.path.join(here, "tiny_scalar.pt"))
grey = torch.full((2, 3, 8, 8), 0.5)
print(torch.jit.load(os.path.join(here, "tiny_features.pt"))(grey))
