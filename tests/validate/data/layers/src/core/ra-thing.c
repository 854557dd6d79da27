/* Breaks the layers twice: core sees GTK and a ui header. */
#include <gtk/gtk.h>
#include "ra-widget.h"
#include "ra-thing.h"
