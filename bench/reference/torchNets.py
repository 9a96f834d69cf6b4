# The same networks and fit loop in PyTorch on the CPU (float64 tensors unless DTYPE says otherwise, autograd, a plain
# SGD update), started from the given weights, with each phase's loss and accuracy per minibatch as the NumPy reference
# computes them; convolutions and poolings on NCHW images with the engine's zero padding; Python.
import torch
import torch.nn.functional as F

# The peer 'torch-f32' sets float32, for reference; the comparisons are made in float64.
DTYPE = torch.float64


def windowed(layer, op):
    """`op` on x padded with the layer's zeros (before and after each axis: TensorFlow's 'same' puts an odd one after)."""
    top, bottom, left, right = layer['padding']
    if top or bottom or left or right:
        return lambda x: op(F.pad(x, (left, right, top, bottom)))
    return op


def build(task):
    params = []
    layers = []
    for layer in task['net']:
        kind = layer['type']
        if kind in ('linear', 'conv2d'):
            W = torch.tensor(layer['W'], dtype=DTYPE, requires_grad=True)
            b = torch.tensor(layer['b'], dtype=DTYPE, requires_grad=True)
            params += [W, b]
            if kind == 'linear':
                layers.append(lambda x, W=W, b=b: x @ W + b)
            else:
                layers.append(windowed(layer, lambda x, W=W, b=b, s=layer['stride']: F.conv2d(x, W, b, stride=s)))
        elif kind == 'maxpool2d':
            layers.append(windowed(layer, lambda x, k=layer['size'], s=layer['stride']: F.max_pool2d(x, k, s)))
        elif kind == 'avgpool2d':
            layers.append(windowed(layer, lambda x, k=layer['size'], s=layer['stride']: F.avg_pool2d(x, k, s)))
        elif kind == 'flatten':
            layers.append(lambda x: x.reshape(x.shape[0], -1))
        elif kind == 'relu':
            layers.append(torch.relu)
        elif kind == 'sigmoid':
            layers.append(torch.sigmoid)
        elif kind == 'softmax':
            layers.append(None)
        else:
            raise ValueError('no PyTorch reference for layer ' + kind)
    return layers, params


def fit(task):
    layers, params = build(task)
    mb = task['batch']
    lr = task['learningRate']
    softmax = task['loss'] == 'softmax-ce'
    shape = task.get('inputShape')

    def tensor(values, image=False):
        t = torch.from_numpy(values).to(DTYPE)
        return t.reshape(t.shape[0], *shape) if image and shape else t

    data = {phase: (tensor(task[phase]['x'], True), tensor(task[phase]['y'])) for phase in ('train', 'test')}
    history = []
    for epoch in range(task['epochs']):
        row = {}
        for phase in ('train', 'test'):
            x_all, y_all = data[phase]
            steps = x_all.shape[0] // mb
            loss_sum = torch.zeros((), dtype=torch.float64)
            accuracy_sum = torch.zeros((), dtype=torch.float64)
            training = phase == 'train'
            with torch.set_grad_enabled(training):
                for step in range(steps):
                    x = x_all[(step * mb):((step + 1) * mb)]
                    y = y_all[(step * mb):((step + 1) * mb)]
                    for layer in layers:
                        if layer is not None:
                            x = layer(x)
                    if softmax:
                        log_p = torch.log_softmax(x, dim=1)
                        total = -(y * log_p).sum()
                        correct = (log_p.argmax(dim=1) == y.argmax(dim=1)).double().mean()
                    else:
                        total = -(y * torch.log(x) + (1 - y) * torch.log(1 - x)).sum()
                        correct = ((y > 0.5) == (x > 0.5)).double().mean()
                    loss_sum += total.detach() / y.numel() if not softmax else total.detach() / mb
                    accuracy_sum += correct
                    if training:
                        objective = total / mb if task['reduction'] == 'mean' else total
                        grads = torch.autograd.grad(objective, params)
                        with torch.no_grad():
                            for p, g in zip(params, grads):
                                p -= lr * g
            row[phase + 'Loss'] = loss_sum.item() / steps
            row[phase + 'Accuracy'] = accuracy_sum.item() / steps
        history.append(row)
    return history


def grid(task, expression):
    b = task['bounds']
    x = torch.linspace(b['xMin'], b['xMax'], task['nx'], dtype=torch.float64)
    y = torch.linspace(b['yMin'], b['yMax'], task['ny'], dtype=torch.float64)
    Y, X = torch.meshgrid(y, x, indexing='ij')
    if expression:
        return eval(task['formulaTorch'], {'torch': torch, 'x': X, 'y': Y})
    return X ** 2 + Y ** 2 + X * (Y + 2) + torch.cos(3 * X)
