/* ra-types.h — forward declarations shared by the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RaAccount          RaAccount;
typedef struct _RaAccountManager   RaAccountManager;
typedef struct _RaActionInput      RaActionInput;
typedef struct _RaActionOutput     RaActionOutput;
typedef struct _RaCatalogue        RaCatalogue;
typedef struct _RaClient           RaClient;
typedef struct _RaDeviceIds        RaDeviceIds;
typedef struct _RaDeviceName       RaDeviceName;
typedef struct _RaDeviceResolver   RaDeviceResolver;
typedef struct _RaEndpoint         RaEndpoint;
typedef struct _RaExecutionRequest RaExecutionRequest;
typedef struct _RaExecutionResult  RaExecutionResult;
typedef struct _RaNqlResult        RaNqlResult;
typedef struct _RaRemoteAction     RaRemoteAction;
typedef struct _RaSecretStore      RaSecretStore;
typedef struct _RaTokenProvider    RaTokenProvider;

/* Which token endpoint a token provider talks to. AUTO tries the OAuth
 * endpoint of the "<instance>-login" host (the Nexthink login service)
 * first and falls back to the legacy /api/v1/token of the API host when
 * the login host does not resolve or answers 404/405, then remembers
 * which worked. */
typedef enum
{
  RA_TOKEN_ENDPOINT_AUTO,
  RA_TOKEN_ENDPOINT_LEGACY,
  RA_TOKEN_ENDPOINT_OAUTH,
} RaTokenEndpointKind;

/* A tri-state for the hasScriptWindows / hasScriptMacOs list filters. */
typedef enum
{
  RA_FILTER_ANY,
  RA_FILTER_YES,
  RA_FILTER_NO,
} RaFilter;

typedef enum /*< flags >*/
{
  RA_PURPOSE_NONE            = 0,
  RA_PURPOSE_DATA_COLLECTION = 1 << 0,
  RA_PURPOSE_REMEDIATION     = 1 << 1,
} RaPurpose;

/* What is known of an execute request once it is over. Anything that
 * runs scripts twice on a fleet is worse than an error, so only NOT_SENT
 * says that running again is safe. */
typedef enum
{
  /* Certainly not started: the request never left (no connection, no
   * host, a TLS handshake that failed, refused locally), or the server
   * refused it with a 4xx before anything ran. */
  RA_EXECUTION_OUTCOME_NOT_SENT,
  /* A 2xx answer with a request ID. */
  RA_EXECUTION_OUTCOME_STARTED,
  /* It may have reached Nexthink and started: the connection dropped or
   * timed out after the request was written, a 5xx, or a 2xx without a
   * request ID that can be read. Check before running again. */
  RA_EXECUTION_OUTCOME_UNKNOWN,
} RaExecutionOutcome;

/* UNKNOWN: the server did not say (the member is missing or null).
 * OTHER: it said something the documentation does not list; the
 * action keeps the text as written (ra_remote_action_get_run_as_text). */
typedef enum
{
  RA_RUN_AS_UNKNOWN,
  RA_RUN_AS_LOCAL_SYSTEM,
  RA_RUN_AS_INTERACTIVE_USER,
  RA_RUN_AS_DELEGATE_TO_SERVICE,
  RA_RUN_AS_OTHER,
} RaRunAs;

/* A yes/no member of the API that a real server may leave out. NO and
 * YES are FALSE and TRUE; UNKNOWN is neither, so code that must decide
 * compares with a value rather than testing for truth. */
typedef enum
{
  RA_TRISTATE_NO,
  RA_TRISTATE_YES,
  RA_TRISTATE_UNKNOWN,
} RaTristate;

/* What looking a device name up found. A name is never guessed: with
 * several matches, the device is the one the user picked (RESOLVED
 * again), or none yet. */
typedef enum
{
  RA_DEVICE_NAME_PENDING,    /* not looked up yet, or under way */
  RA_DEVICE_NAME_RESOLVED,   /* one device: its collector ID */
  RA_DEVICE_NAME_NO_MATCH,   /* no device of that name */
  RA_DEVICE_NAME_SEVERAL,    /* several devices: the user picks one */
  RA_DEVICE_NAME_ERROR,      /* the lookup failed; the error says why */
} RaDeviceNameStatus;

G_END_DECLS
