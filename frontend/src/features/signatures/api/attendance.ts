import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, type components } from "@/api/client";
import { unwrap } from "@/lib/api-error";
import { documentKeys } from "./query-keys";

/** A member of the commission and whether they sat (null while nobody recorded it). */
export type Seat = components["schemas"]["Attendance"];

export async function getAttendance(sessionId: string): Promise<Seat[]> {
  return unwrap(
    await apiClient.GET("/api/v1/sessions/{session_id}/attendance/", {
      params: { path: { session_id: sessionId } },
    }),
  );
}

export const attendanceQueryOptions = (sessionId: string) =>
  queryOptions({
    queryKey: documentKeys.attendance(sessionId),
    queryFn: () => getAttendance(sessionId),
  });

export function useAttendance(sessionId: string) {
  return useQuery(attendanceQueryOptions(sessionId));
}

/** The commission's desk records who sat (`present`: member ids); the others are absent. */
export async function saveAttendance(sessionId: string, present: string[]): Promise<Seat[]> {
  return unwrap(
    await apiClient.PUT("/api/v1/sessions/{session_id}/attendance/", {
      params: { path: { session_id: sessionId } },
      body: { present },
    }),
  );
}

export function useSaveAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation<Seat[], Error, string[]>({
    mutationFn: (present) => saveAttendance(sessionId, present),
    onSuccess: (seats) => {
      queryClient.setQueryData(documentKeys.attendance(sessionId), seats);
      // Only members who sat may sign the minutes.
      void queryClient.invalidateQueries({ queryKey: documentKeys.sessionCandidates(sessionId) });
    },
  });
}
