namespace Attribution.DataDriven;

/// <summary>Interns the states of a k-order chain: sequences of 1 to k channel ids, kept in a trie so a window is found by k integer lookups.</summary>
/// <remarks>
/// State 0 is (start). Trie nodes that are only prefixes of longer windows are not states; they get a state id only
/// when a path of that exact length (shorter than the order) uses them. State ids are given in order of first use, so
/// the same paths in the same order always give the same ids.
/// </remarks>
internal sealed class MarkovStateSpace
{
    private readonly int[] roots;
    private readonly MarkovHashMap children = new();
    private readonly List<int> nodeParent = [-1];
    private readonly List<int> nodeChannel = [-1];
    private readonly List<int> nodeState = [0];
    private readonly List<int> stateNode = [0];

    public MarkovStateSpace(int order, int channelCount)
    {
        Order = order;
        roots = new int[channelCount];
        Array.Fill(roots, -1);
    }

    public int Order { get; }

    public int ChannelCount => roots.Length;

    /// <summary>Gets the number of states, (start) included.</summary>
    public int Count => stateNode.Count;

    /// <summary>Returns the state of a sequence of 1 to <see cref="Order"/> channels, creating it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<int> sequence)
    {
        var node = 0;
        foreach (var channel in sequence)
        {
            node = Child(node, channel, create: true);
        }

        var state = nodeState[node];
        if (state < 0)
        {
            state = stateNode.Count;
            nodeState[node] = state;
            stateNode.Add(node);
        }

        return state;
    }

    /// <summary>Returns the state of a sequence, or −1 when it is not a state.</summary>
    public int Find(ReadOnlySpan<int> sequence)
    {
        var node = 0;
        foreach (var channel in sequence)
        {
            node = Child(node, channel, create: false);
            if (node < 0)
            {
                return -1;
            }
        }

        return nodeState[node];
    }

    /// <summary>Returns the last state a path visits: its last <paramref name="order"/> channels, or the whole path when shorter.</summary>
    public static ReadOnlySpan<int> LastWindow(ReadOnlySpan<int> path, int order)
        => path.Length <= order ? path : path[^order..];

    /// <summary>Writes the channels of a state, in order; returns how many (0 for start).</summary>
    public int CopyChannels(int state, Span<int> destination)
    {
        var length = 0;
        for (var node = stateNode[state]; node > 0; node = nodeParent[node])
        {
            length++;
        }

        var i = length;
        for (var node = stateNode[state]; node > 0; node = nodeParent[node])
        {
            destination[--i] = nodeChannel[node];
        }

        return length;
    }

    private int Child(int node, int channel, bool create)
    {
        if (node == 0)
        {
            var root = roots[channel];
            if (root < 0 && create)
            {
                root = NewNode(0, channel);
                roots[channel] = root;
            }

            return root;
        }

        var key = MarkovHashMap.Pack(node, channel);
        if (!create)
        {
            return children.Find(key);
        }

        var next = nodeParent.Count;
        var child = children.GetOrAdd(key, next);
        if (child == next)
        {
            NewNode(node, channel);
        }

        return child;
    }

    private int NewNode(int parent, int channel)
    {
        nodeParent.Add(parent);
        nodeChannel.Add(channel);
        nodeState.Add(-1);
        return nodeParent.Count - 1;
    }
}
