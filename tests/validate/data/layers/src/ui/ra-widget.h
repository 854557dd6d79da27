#pragma once
#include "ra-widget-types.h"
