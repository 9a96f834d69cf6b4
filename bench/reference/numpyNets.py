# The exercise's NumPy network written out by hand (its Linear, ReLU, Sigmoid, Net and fit), started from given weights,
# computing each phase's loss and accuracy per minibatch as the exercise computes its accuracy; Python.
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


class Linear:
    def __init__(self, W, b):
        self.W = W.copy()
        self.b = b.copy()
    def forward(self, x):
        return np.dot(x, self.W) + self.b
    def backward(self, x, dy):
        dx = np.dot(dy, np.transpose(self.W))
        self.dW = np.dot(np.transpose(x), dy)
        self.db = np.sum(dy, axis=0)
        return dx
    def step(self, step_size):
        self.W = self.W - self.dW * step_size
        self.b = self.b - self.db * step_size


class Sigmoid:
    def forward(self, x):
        return sigmoid(x)
    def backward(self, x, dy):
        s = sigmoid(x)
        return dy * (s * (1 - s))
    def step(self, step_size):
        pass


class ReLU:
    def forward(self, x):
        return np.maximum(0, x)
    def backward(self, x, dy):
        return np.multiply(dy, np.int64(x > 0))
    def step(self, step_size):
        pass


class Softmax:
    """Softmax whose backward receives the gradient with respect to its input already (fused with cross-entropy)."""
    def forward(self, x):
        e = np.exp(x - np.max(x, axis=1, keepdims=True))
        return e / np.sum(e, axis=1, keepdims=True)
    def backward(self, x, dy):
        return dy
    def step(self, step_size):
        pass


class Net:
    def __init__(self, layers):
        self.layers = layers
    def forward(self, x):
        trace = []
        for layer in self.layers:
            y = layer.forward(x)
            trace.append((layer, x))
            x = y
        return y, trace
    def backward(self, trace, dy):
        for layer, x in trace[::-1]:
            dy = layer.backward(x, dy)
    def step(self, learning_rate):
        for layer in self.layers:
            layer.step(learning_rate)


def bce_loss(y, y_hat):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def bce_loss_grad(y, y_hat):
    return (-y) / y_hat + (1 - y) / (1 - y_hat)


def build(task):
    layers = []
    for layer in task['net']:
        kind = layer['type']
        if kind == 'linear':
            layers.append(Linear(layer['W'], layer['b']))
        elif kind == 'relu':
            layers.append(ReLU())
        elif kind == 'sigmoid':
            layers.append(Sigmoid())
        elif kind == 'softmax':
            layers.append(Softmax())
        else:
            raise ValueError('no NumPy reference for layer ' + kind)
    return Net(layers)


def fit(task):
    """Trains a fresh network from the task's weights; returns each epoch's train/test loss and accuracy."""
    net = build(task)
    mb = task['batch']
    lr = task['learningRate']
    softmax = task['loss'] == 'softmax-ce'
    history = []
    for epoch in range(task['epochs']):
        row = {}
        for phase in ('train', 'test'):
            x_all, y_all = task[phase]['x'], task[phase]['y']
            steps = x_all.shape[0] // mb
            loss = 0.0
            accuracy = 0.0
            for step in range(steps):
                x_mb = x_all[(step * mb):((step + 1) * mb)]
                y_mb = y_all[(step * mb):((step + 1) * mb)]
                pred_y, trace = net.forward(x_mb)
                if softmax:
                    loss += -np.sum(y_mb * np.log(pred_y)) / mb
                    accuracy += np.mean(np.argmax(pred_y, axis=1) == np.argmax(y_mb, axis=1))
                else:
                    loss += np.mean(bce_loss(y_mb, pred_y))
                    accuracy += np.mean((y_mb > 0.5) == (pred_y > 0.5))
                if phase == 'train':
                    if softmax:
                        grad = pred_y - y_mb
                    else:
                        grad = bce_loss_grad(y_mb, pred_y)
                    if task['reduction'] == 'mean':
                        grad = grad / mb
                    net.backward(trace, grad)
                    net.step(lr)
            row[phase + 'Loss'] = loss / steps
            row[phase + 'Accuracy'] = accuracy / steps
        history.append(row)
    return history


def grid(task, expression):
    """The exercise's f(x, y) = x² + y² + x(y + 2) + cos 3x on the task's grid, vectorised."""
    b = task['bounds']
    x = np.linspace(b['xMin'], b['xMax'], task['nx'])
    y = np.linspace(b['yMin'], b['yMax'], task['ny'])
    X, Y = np.meshgrid(x, y)
    if expression:
        return eval(task['formulaPython'], {'np': np, 'x': X, 'y': Y})
    return X ** 2 + Y ** 2 + X * (Y + 2) + np.cos(3 * X)
