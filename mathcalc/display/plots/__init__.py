"""Plot helpers, one module per part of the book and one style (:mod:`.style`). Each helper
takes ``ax=None`` (a new figure when omitted), draws, and returns the axes; the numbers
come from :mod:`mathcalc.paper`. Every helper is importable from here:
``from mathcalc.display import plots; plots.plot_fit(...)``.
"""
from .calculus import (plot_identity_jacobian, plot_matrix, plot_operator_jacobian,
                       plot_partial_slices, plot_tangent)
from .chain import draw_dataflow, path_contributions, plot_path_contributions
from .neuron_widgets import (loss_lab_layers, neuron_gradient_layers, plot_loss_lab_axes,
                             plot_neuron_axes)
from .neuron import plot_neuron_diagram, plot_neuron_two_inputs, plot_relu_neuron
from .style import COLORS, PATH_COLORS, RUN_COLORS, new_axes
from .training import (plot_descent_frame, plot_descent_path, plot_fit, plot_loss_contours,
                       plot_loss_curve, plot_lr_run)

__all__ = ["plot_tangent", "plot_partial_slices", "plot_matrix", "plot_operator_jacobian",
           "plot_identity_jacobian", "draw_dataflow", "path_contributions",
           "plot_path_contributions", "plot_neuron_diagram", "plot_relu_neuron",
           "plot_neuron_two_inputs", "neuron_gradient_layers", "loss_lab_layers",
           "plot_neuron_axes", "plot_loss_lab_axes", "plot_loss_contours", "plot_descent_path",
           "plot_loss_curve", "plot_descent_frame", "plot_lr_run", "plot_fit", "COLORS",
           "PATH_COLORS", "RUN_COLORS", "new_axes"]
