"""Load a GAN Studio export into PyTorch.

    import ganstudio_load as gs
    G = gs.load_generator("ring8.safetensors")            # the EMA generator when the run kept one
    x = G(torch.randn(16, G.z_dim))                       # samples, as the studio draws them

`export RUN --out FILE.safetensors|FILE.npz` writes the weights under the state-dict names of the networks this
module builds (nn.Sequential stacks mirroring ganstudio.nn.GanNetworks); the file's metadata holds the network
spec, so nothing else is needed. Only torch and numpy are used (no safetensors package).
"""

import json
import struct
import sys
import zipfile

import numpy as np
import torch
from torch import nn

FORMAT = "ganstudio-gan/1"
_DTYPES = {"F32": np.float32, "I64": np.int64, "U8": np.uint8}


# ---- reading the files

def read_safetensors(path):
    """(name -> numpy array, metadata dict) of a safetensors file."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n).decode("utf-8"))
        data = f.read()
    meta = header.pop("__metadata__", {})
    arrays = {}
    for name, t in header.items():
        begin, end = t["data_offsets"]
        arrays[name] = np.frombuffer(data[begin:end], dtype=_DTYPES[t["dtype"]]).reshape(t["shape"]).copy()
    return arrays, meta


def read_npz(path):
    """(name -> numpy array, metadata dict) of an npz export."""
    with np.load(path) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(bytes(arrays.pop("__metadata__")).decode("utf-8"))
    return arrays, meta


def read_export(path):
    path = str(path)
    arrays, meta = read_npz(path) if path.endswith(".npz") else read_safetensors(path)
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: not a GAN Studio export ({FORMAT}); its format is {meta.get('format')!r}")
    return arrays, meta


def read_fixed_noise(path):
    """A run's fixed-noise.bin (DJL's NDArray encoding) as a float32 tensor [N, zDim]."""
    with open(path, "rb") as f:
        b = f.read()
    at = 0

    def utf():
        nonlocal at
        (n,) = struct.unpack(">H", b[at:at + 2])
        s = b[at + 2:at + 2 + n].decode("utf-8")
        at += 2 + n
        return s

    if utf() != "NDAR":
        raise ValueError(f"{path}: not a DJL array")
    at += 4  # version
    if b[at] == 1:
        at += 1
        utf()  # name
    else:
        at += 1
    utf()  # sparse format
    dtype = utf()
    (dims,) = struct.unpack(">i", b[at:at + 4])
    shape = struct.unpack(">" + "q" * dims, b[at + 4:at + 4 + 8 * dims])
    at += 4 + 8 * dims
    (layouts,) = struct.unpack(">i", b[at:at + 4])
    at += 4 + 2 * layouts
    order = chr(b[at])
    at += 1
    (length,) = struct.unpack(">i", b[at:at + 4])
    at += 4
    if dtype != "FLOAT32":
        raise ValueError(f"{path}: {dtype}, expected FLOAT32")
    values = np.frombuffer(b[at:at + length], dtype=(">f4" if order == ">" else "<f4")).astype(np.float32)
    return torch.from_numpy(values.reshape(shape).copy())


# ---- the networks (ganstudio.nn.GanNetworks, layer for layer)

class Scale(nn.Module):
    def __init__(self, factor):
        super().__init__()
        self.factor = factor

    def forward(self, x):
        return x * self.factor


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


class Residual(nn.Module):
    def __init__(self, body):
        super().__init__()
        self.body = body

    def forward(self, x):
        return x + self.body(x)


class MinibatchStd(nn.Module):
    """Appends the batch's mean per-feature std as one more feature/channel; in eval mode the stored value."""

    def __init__(self):
        super().__init__()
        self.register_buffer("batch_std", torch.zeros(1))

    def forward(self, x):
        if self.training:
            s = torch.sqrt(((x - x.mean(0, keepdim=True)) ** 2).mean(0, keepdim=True) + 1e-8).mean()
        else:
            s = self.batch_std.reshape(())
        shape = list(x.shape)
        shape[1] = 1
        return torch.cat([x, torch.ones(shape, dtype=x.dtype) * s], 1)


def _act(name, slope):
    if name == "relu":
        return nn.ReLU()
    if name == "leakyrelu":
        return nn.LeakyReLU(slope)
    if name == "gelu":
        return nn.GELU()
    if name == "sigmoid":
        return nn.Sigmoid()
    raise ValueError(f"activation {name!r}")


def _norm(name, features, groups, images):
    if name == "batch":
        return (nn.BatchNorm2d if images else nn.BatchNorm1d)(features, eps=1e-5, momentum=0.1)
    if name == "group":
        return nn.GroupNorm(groups, features, eps=1e-5)
    if name == "layer":
        return nn.GroupNorm(1, features, eps=1e-5)
    return None


def _norm_act_drop(layers, norm, features, spec, act, dropout, images):
    n = _norm(norm, features, spec["groups"], images)
    if n is not None:
        layers.append(n)
    layers.append(_act(act, spec["slope"]))
    if dropout > 0:
        layers.append(nn.Dropout(dropout))


def _mlp(spec, inputs, width, out, norm, act, dropout, minibatch_std):
    layers = [nn.Linear(inputs, width)]
    _norm_act_drop(layers, norm, width, spec, act, dropout, False)
    for _ in range(1, spec["depth"]):
        layer = [nn.Linear(width, width)]
        _norm_act_drop(layer, norm, width, spec, act, dropout, False)
        body = nn.Sequential(*layer)
        layers.append(Residual(body) if spec["residual"] else body)
    if minibatch_std:
        layers.append(MinibatchStd())
        width += 1
    layers.append(nn.Linear(width, out))
    return layers


def _stages(size):
    return {28: (2, 7), 32: (3, 4), 64: (4, 4)}[size]


def _extra_blocks(layers, spec, channels, norm, act, dropout):
    for _ in range(spec["extraBlocks"]):
        block = [nn.Conv2d(channels, channels, 3, 1, 1)]
        _norm_act_drop(block, norm, channels, spec, act, dropout, True)
        body = nn.Sequential(*block)
        layers.append(Residual(body) if spec["residual"] else body)


def generator(spec):
    """The generator of a network spec (the export's metadata "spec")."""
    if spec["twoDimensional"]:
        layers = _mlp(spec, spec["zDim"], spec["gWidth"], 2, spec["gNorm"], spec["gActivation"], 0, False)
        if spec["dataScale"] != 1.0:
            layers.append(Scale(spec["dataScale"]))
    else:
        ups, side = _stages(spec["imageSize"])
        channels = spec["gWidth"] << (ups - 1)
        layers = [nn.Linear(spec["zDim"], channels * side * side)]
        _norm_act_drop(layers, spec["gNorm"], channels * side * side, spec, spec["gActivation"], 0, False)
        layers.append(Reshape(channels, side, side))
        for i in range(ups):
            _extra_blocks(layers, spec, channels, spec["gNorm"], spec["gActivation"], 0)
            last = i == ups - 1
            nxt = spec["channels"] if last else channels // 2
            layers.append(nn.ConvTranspose2d(channels, nxt, 4, 2, 1))
            if not last:
                _norm_act_drop(layers, spec["gNorm"], nxt, spec, spec["gActivation"], 0, True)
            channels = nxt
        layers.append(nn.Tanh())
    g = nn.Sequential(*layers)
    g.z_dim = spec["zDim"]
    return g


def critic(spec):
    """The critic of a network spec. With packing (spec stabilizers.pack = m) it takes packs: [N/m, 2m] points or
    images with m times the channels."""
    st = spec["stabilizers"]
    pack = st["pack"]
    if spec["twoDimensional"]:
        layers = [Scale(1 / spec["dataScale"])] if spec["dataScale"] != 1.0 else []
        layers += _mlp(spec, 2 * pack, spec["dWidth"], 1, spec["dNorm"], spec["dActivation"], spec["dDropout"],
                       st["minibatchStd"])
        return nn.Sequential(*layers)
    downs, _ = _stages(spec["imageSize"])
    side = spec["imageSize"] >> downs
    channels = spec["dWidth"]
    inputs = spec["channels"] * pack
    layers = []
    for i in range(downs):
        layers.append(nn.Conv2d(inputs, channels, 4, 2, 1))
        _norm_act_drop(layers, "none" if i == 0 else spec["dNorm"], channels, spec, spec["dActivation"],
                       spec["dDropout"], True)
        _extra_blocks(layers, spec, channels, spec["dNorm"], spec["dActivation"], spec["dDropout"])
        inputs = channels
        if i < downs - 1:
            channels *= 2
    if st["minibatchStd"]:
        layers.append(MinibatchStd())
        channels += 1
    layers.append(nn.Flatten())
    layers.append(nn.Linear(channels * side * side, 1))
    return nn.Sequential(*layers)


def _part(arrays, prefix):
    return {k[len(prefix):]: torch.from_numpy(np.ascontiguousarray(v)) for k, v in arrays.items()
            if k.startswith(prefix)}


def load(path):
    """(generator, critic, generator_ema or None, metadata) of an export, in eval mode."""
    arrays, meta = read_export(path)
    spec = json.loads(meta["spec"])
    g, d = generator(spec), critic(spec)
    g.load_state_dict(_part(arrays, "generator."))
    d.load_state_dict(_part(arrays, "critic."))
    ema = None
    if meta.get("ema") == "true":
        ema = generator(spec)
        ema.load_state_dict(_part(arrays, "generator_ema."))
        ema.eval()
    return g.eval(), d.eval(), ema, meta


def load_generator(path):
    """The generator the studio draws samples with: the EMA one when the run kept it, else the trained one."""
    g, _, ema, _ = load(path)
    return ema if ema is not None else g


if __name__ == "__main__":
    # python3 ganstudio_load.py EXPORT [FIXED_NOISE_BIN OUT.npy]: load, and optionally sample the noise bank
    G = load_generator(sys.argv[1])
    print(G)
    if len(sys.argv) > 3:
        with torch.no_grad():
            np.save(sys.argv[3], G(read_fixed_noise(sys.argv[2])).numpy())
