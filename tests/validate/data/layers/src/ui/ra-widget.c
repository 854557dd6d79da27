/* ui may use core's public headers, not its private ones. */
#include <gtk/gtk.h>
#include "ra-thing.h"
#include "ra-thing-private.h"
#include "ra-widget.h"
