package vn.congvan.organization;

import java.util.List;

/**
 * One page of the children of a unit (or of the roots, when {@code parentId} is null), in tree order, and whether
 * more follow from {@code nextOffset}. Pages keep a branch of thousands of units from being sent at once.
 */
public record UnitBranch(Long parentId, List<Node> nodes, int nextOffset, boolean more) {

    /**
     * A unit of the branch: how many children it has (0 for a leaf), and its own branch when it is shown open
     * ({@code null} while closed, to be loaded on demand).
     */
    public record Node(UnitSummary unit, int childCount, UnitBranch children) {

        public boolean hasChildren() {
            return childCount > 0;
        }

        public boolean open() {
            return children != null;
        }
    }
}
