# The exercise's NumPy script as a user runs it (its Linear, ReLU, Sigmoid, Net, fit; db corrected): loads the digits,
# splits, trains each network (or only the one named by the third argument) and prints one JSON line per network. The
# benchmark runs it as a whole process beside `backprop-lab train`; its in-process peer is bench/reference/.
import json, os, sys, time
import numpy as np

# The exercise's layers, Net and loss are written once, in the in-process reference; this script adds the exercise's
# random initialisation, data preparation and fit loop around them.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference'))
from numpyNets import Net, ReLU, Sigmoid, bce_loss_grad, Linear as GivenLinear  # noqa: E402


class Linear(GivenLinear):
    """The exercise's Linear layer, initialised as the exercise does (Glorot uniform, zero bias)."""
    def __init__(self, n_in, n_out):
        a = np.sqrt(6 / (n_in + n_out))
        super().__init__(np.random.uniform(-a, a, size=(n_in, n_out)), np.zeros((n_out,)))

def fit(net, x, y, epochs, learning_rate, mb_size):
    accuracy = 0.0
    for epoch in range(epochs):
        for phase in ('train', 'test'):
            steps = x[phase].shape[0] // mb_size
            accuracy = 0.0
            for step in range(steps):
                x_mb = x[phase][(step * mb_size):((step + 1) * mb_size)]
                y_mb = y[phase][(step * mb_size):((step + 1) * mb_size), None]
                pred_y, trace = net.forward(x_mb)
                accuracy += np.mean((y_mb > 0.5) == (pred_y > 0.5))
                if phase == 'train':
                    net.backward(trace, bce_loss_grad(y_mb, pred_y))
                    net.step(learning_rate)
            accuracy /= steps
    return accuracy

def main():
    digits_csv, epochs = sys.argv[1], int(sys.argv[2])
    only = sys.argv[3] if len(sys.argv) > 3 else None
    table = np.loadtxt(digits_csv, delimiter=',', skiprows=1)
    digits_x, digits_y = table[:, :64], (table[:, 64] < 5).astype(float)
    digits_x = (digits_x - np.mean(digits_x)) / np.std(digits_x)
    np.random.seed(1)
    idxs = np.random.permutation(digits_x.shape[0])
    n_train = int(digits_x.shape[0] * 0.5)
    x = {'train': digits_x[idxs[:n_train]], 'test': digits_x[idxs[n_train:]]}
    y = {'train': digits_y[idxs[:n_train]], 'test': digits_y[idxs[n_train:]]}
    nets = {
        '64-32-ReLU-1-Sigmoid': lambda: [Linear(64, 32), ReLU(), Linear(32, 1), Sigmoid()],
        '64-32-1-Sigmoid': lambda: [Linear(64, 32), Linear(32, 1), Sigmoid()],
        '64-1-Sigmoid': lambda: [Linear(64, 1), Sigmoid()],
        '64-32-16-8-1 (ReLUs)': lambda: [Linear(64, 32), ReLU(), Linear(32, 16), ReLU(), Linear(16, 8), ReLU(), Linear(8, 1), Sigmoid()],
    }
    for name, layers in nets.items():
        if only is not None and name != only:
            continue
        net = Net(layers())
        started = time.perf_counter()
        accuracy = fit(net, x, y, epochs, 0.01, 10)
        seconds = time.perf_counter() - started
        print(json.dumps({'network': name, 'epochs_per_second': epochs / seconds, 'test_accuracy': accuracy}))

if __name__ == '__main__':
    main()
